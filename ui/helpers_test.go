package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
)

func teaSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }
func teaBlur() tea.BlurMsg               { return tea.BlurMsg{} }
func sizeName(sz [2]int) string          { return fmt.Sprintf("%dx%d", sz[0], sz[1]) }
