package io.cvmkeys.dsl.resources;

/** Event Grid's {@code eventDeliverySchema}; the MonitorAlert destination accepts only CloudEvents v1.0. */
public enum EventDeliverySchema {
    EVENT_GRID_SCHEMA("EventGridSchema"),
    CLOUD_EVENT_SCHEMA_V1_0("CloudEventSchemaV1_0"),
    CUSTOM_INPUT_SCHEMA("CustomInputSchema");

    private final String value;

    EventDeliverySchema(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
