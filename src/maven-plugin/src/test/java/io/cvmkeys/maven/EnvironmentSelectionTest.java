package io.cvmkeys.maven;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentSelectionTest {

    @Test
    void profileIdSelectsEnvironment() {
        assertThat(EnvironmentSelection.select(null, List.of("env=prd"))).isEqualTo("prd");
    }

    @Test
    void propertySelectsEnvironment() {
        assertThat(EnvironmentSelection.select("dev", List.of())).isEqualTo("dev");
    }

    @Test
    void agreeingPropertyAndProfileSelectOnce() {
        assertThat(EnvironmentSelection.select("prd", List.of("env=prd", "release"))).isEqualTo("prd");
    }

    @Test
    void nothingSelectedReturnsNull() {
        assertThat(EnvironmentSelection.select(null, List.of("release", "env="))).isNull();
    }

    @Test
    void conflictingSelectionsAreRejected() {
        assertThatThrownBy(() -> EnvironmentSelection.select("dev", List.of("env=prd")))
                .hasMessage("-Dcvmkeys.env=dev and profile env=prd select different environments. Use one of them.");
        assertThatThrownBy(() -> EnvironmentSelection.select(null, List.of("env=prd", "env=dev")))
                .hasMessageContaining("Several environments are selected by profiles: [prd, dev]");
    }
}
