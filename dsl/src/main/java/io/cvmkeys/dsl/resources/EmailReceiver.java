package io.cvmkeys.dsl.resources;

import java.util.regex.Pattern;

/**
 * An action group e-mail receiver.
 *
 * @param name         receiver name, unique in the group
 * @param emailAddress the address alerts are sent to
 */
public record EmailReceiver(String name, String emailAddress) {

    // A pragmatic check (local part, @, domain with a dot); full RFC 5322 parsing is not the point here.
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");

    /** Returns true when the address has the form local@domain.tld. */
    public static boolean isValidAddress(String emailAddress) {
        return emailAddress != null && ADDRESS.matcher(emailAddress).matches();
    }
}
