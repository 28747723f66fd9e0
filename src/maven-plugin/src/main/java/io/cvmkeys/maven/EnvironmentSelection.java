package io.cvmkeys.maven;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Works out which environment a build targets. Maven 3 reads {@code -Penv=prd} as the profile whose id is
 * literally {@code env=prd}, and Maven 4 needs {@code -P env=prd} for the same id, so an active profile
 * {@code env=NAME} selects NAME; {@code -Dcvmkeys.env=NAME} does too.
 */
final class EnvironmentSelection {

    static final String PROFILE_PREFIX = "env=";

    private EnvironmentSelection() {
    }

    /**
     * @param property       the value of {@code cvmkeys.env}, or null
     * @param activeProfiles ids of the active profiles, declared or only requested on the command line
     * @return the environment name, or null when nothing selects one
     * @throws IllegalArgumentException when the selections disagree
     */
    static String select(String property, Collection<String> activeProfiles) {
        Set<String> fromProfiles = new LinkedHashSet<>();
        for (String profile : activeProfiles) {
            if (profile != null && profile.startsWith(PROFILE_PREFIX) && profile.length() > PROFILE_PREFIX.length()) {
                fromProfiles.add(profile.substring(PROFILE_PREFIX.length()));
            }
        }
        if (fromProfiles.size() > 1) {
            throw new IllegalArgumentException("Several environments are selected by profiles: " + fromProfiles
                    + ". Activate one env=NAME profile.");
        }
        String profileChoice = fromProfiles.isEmpty() ? null : fromProfiles.iterator().next();
        boolean hasProperty = property != null && !property.isBlank();
        if (hasProperty && profileChoice != null && !profileChoice.equals(property)) {
            throw new IllegalArgumentException("-Dcvmkeys.env=" + property + " and profile env=" + profileChoice
                    + " select different environments. Use one of them.");
        }
        return hasProperty ? property : profileChoice;
    }
}
