package io.cvmkeys.engine.whatif;

/** Reason a property delta that ARM reports is not a real change. */
public enum NoiseReason {

    /** The {@code after} is an unevaluated {@code [reference(...)]} expression, known only during the deployment. */
    REFERENCE_VALUE("value comes from reference() and is known only during the deployment"),

    /** ARM itself reports {@code NoEffect}: the property is read-only and the deployment cannot change it. */
    NO_EFFECT("ARM reports no effect: read-only property"),

    /** A property the resource provider sets, such as {@code provisioningState} or {@code keyUri}. */
    READ_ONLY("read-only or provider-default property set by the resource provider"),

    /**
     * The value is an earlier stage's output that does not exist yet. The engine runs What-If and the gates for
     * this stage again once that stage is deployed, before it writes anything.
     */
    EARLIER_STAGE_OUTPUT("value is an earlier stage's output, known after that stage is deployed; this stage's"
            + " What-If and gates run again then"),

    /** Two resource ids that differ only in letter case, which ARM treats as equal. */
    ID_CASING("resource id differs only in letter case");

    private final String description;

    NoiseReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
