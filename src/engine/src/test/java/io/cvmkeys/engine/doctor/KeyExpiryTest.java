package io.cvmkeys.engine.doctor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expiry thresholds at their boundaries, measured from the injected clock: the prd environment notifies 30 days
 * before expiry, and 7 days or less is an error.
 */
class KeyExpiryTest {

    private LiveStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void outsideNotificationWindowIsHealthy() {
        assertThat(examineExpiringIn(Duration.ofDays(30).plusSeconds(1)).findings()).isEmpty();
    }

    @Test
    void notificationWindowStartsAtThirtyDays() {
        Finding finding = DoctorTest.onlyFinding(examineExpiringIn(Duration.ofDays(30)), "DOCTOR-KEY-004");

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).contains("in 30 days").contains("stop on 2027-07-01T09:00:00Z");
    }

    @Test
    void justOutsideSevenDaysIsAWarning() {
        Finding finding = DoctorTest.onlyFinding(examineExpiringIn(Duration.ofDays(7).plusSeconds(1)), "DOCTOR-KEY-004");

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void sevenDaysLeftIsAnError() {
        Finding finding = DoctorTest.onlyFinding(examineExpiringIn(Duration.ofDays(7)), "DOCTOR-KEY-005");

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.message()).contains("in 7 days").contains("stop on 2027-06-08T09:00:00Z");
    }

    @Test
    void oneSecondLeftIsAnError() {
        DoctorTest.onlyFinding(examineExpiringIn(Duration.ofSeconds(1)), "DOCTOR-KEY-005");
    }

    @Test
    void expiresNowIsExpired() {
        Finding finding = DoctorTest.onlyFinding(examineExpiringIn(Duration.ZERO), "DOCTOR-KEY-006");

        assertThat(finding.message()).contains("expired on 2027-06-01T09:00:00Z");
        assertThat(finding.impact()).contains("Deallocated hosts will not start");
    }

    @Test
    void expiredYesterday() {
        DoctorTest.onlyFinding(examineExpiringIn(Duration.ofDays(-1)), "DOCTOR-KEY-006");
    }

    @Test
    void clockDecidesTheThreshold() {
        stack = LiveStack.healthy().expiringIn(Duration.ofDays(40)).deploy();
        assertThat(stack.examine().findings()).isEmpty();

        stack.clock.advance(Duration.ofDays(10));

        DoctorTest.onlyFinding(stack.examine(), "DOCTOR-KEY-004");
    }

    private DoctorReport examineExpiringIn(Duration left) {
        stack = LiveStack.healthy().expiringIn(left).deploy();
        return stack.examine();
    }
}
