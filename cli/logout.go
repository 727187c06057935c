package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"imagine/config"
	"imagine/internal/account"
)

func newLogoutCmd(root *rootFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "logout",
		Short: "Forget the stored credentials of a profile",
		Long: "logout removes the profile's client secret from the OS keyring and its record " +
			"from the credentials file. Drafts and unsent messages of the account stay on " +
			"disk, for when it signs in again; they are never sent as another agent.\n\n" +
			"Credentials in the environment (" + account.EnvClientID + ") are not stored, so " +
			"logout cannot forget them: unset the variables.",
		Example: "  imagine logout\n  imagine logout --profile work",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			profile := account.ProfileFrom(root.profile, os.Getenv)
			store := accountStore(config.DefaultPaths())
			removed, warning, err := store.Delete(profile)
			if errors.Is(err, account.ErrNoCredentials) && store.EnvSet() {
				return fmt.Errorf("nothing is stored for profile %q; the credentials in use come from the environment: unset %s and %s",
					profile, account.EnvClientID, account.EnvClientSecret)
			}
			if errors.Is(err, account.ErrNoCredentials) {
				return fmt.Errorf("not signed in: nothing is stored for profile %q", profile)
			}
			for _, r := range removed {
				fmt.Fprintln(cmd.OutOrStdout(), "removed "+r)
			}
			if warning != "" {
				fmt.Fprintln(cmd.ErrOrStderr(), "warning: "+warning)
			}
			if err != nil {
				return err
			}
			if store.EnvSet() {
				fmt.Fprintf(cmd.ErrOrStderr(), "note: %s is still set in the environment and will be used until it is unset.\n", account.EnvClientID)
			}
			return nil
		},
	}
}
