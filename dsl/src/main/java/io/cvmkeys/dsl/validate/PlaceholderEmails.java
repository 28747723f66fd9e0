package io.cvmkeys.dsl.validate;

import java.util.Locale;
import java.util.Set;

/**
 * E-mail domains reserved for documentation or commonly left in samples. An alert sent there is lost, so
 * production receivers must not use them.
 */
public final class PlaceholderEmails {

    private static final Set<String> DOMAINS = Set.of(
            "example.com", "example.org", "example.net", "contoso.com", "fabrikam.com", "yourorg.com",
            "yourcompany.com", "company.com", "domain.com", "test.com", "email.com", "mail.com", "localhost");

    private PlaceholderEmails() {
    }

    /** Returns true when the address's domain, or a domain it belongs to, is a placeholder. */
    public static boolean isPlaceholder(String address) {
        if (address == null || !address.contains("@")) {
            return false;
        }
        String domain = address.substring(address.indexOf('@') + 1).trim().toLowerCase(Locale.ROOT);
        return DOMAINS.stream().anyMatch(placeholder -> domain.equals(placeholder) || domain.endsWith("." + placeholder));
    }
}
