package io.cvmkeys.emulator.resources;

import io.cvmkeys.emulator.server.ArmException;
import io.cvmkeys.emulator.server.ArmRequest;
import io.cvmkeys.emulator.server.ArmResponse;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.state.StoredResource;

/**
 * AVD user sessions. POST {@code disconnect} only sets {@code sessionState: Disconnected}: the session and its apps
 * survive. DELETE with {@code force=true} logs the user off and removes the session. Without {@code force} it is
 * rejected while the session is active.
 */
final class UserSessionBehavior implements ResourceBehavior {

    @Override
    public ArmResponse action(EmulatorContext context, ArmRequest request, StoredResource session, String action) {
        if (action.equalsIgnoreCase("disconnect")) {
            session.properties().put("sessionState", "Disconnected");
            return ArmResponse.ok(null);
        }
        if (action.equalsIgnoreCase("sendMessage")) {
            return ArmResponse.ok(null);
        }
        return ResourceBehavior.super.action(context, request, session, action);
    }

    @Override
    public ArmResponse delete(EmulatorContext context, ArmRequest request, StoredResource session) {
        String state = session.properties().path("sessionState").asText("Active");
        if (!request.queryFlag("force") && state.equalsIgnoreCase("Active")) {
            throw ArmException.badRequest("BadRequest", "User session '" + session.id() + "' is Active and was not "
                + "logged off. Delete it with force=true to log the user off, or wait until the session ends.");
        }
        context.store().remove(session.id());
        return ArmResponse.ok(null);
    }
}
