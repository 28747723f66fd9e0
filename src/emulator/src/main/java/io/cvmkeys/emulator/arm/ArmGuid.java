package io.cvmkeys.emulator.arm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

/**
 * ARM's {@code guid()}: a name-based UUID version 5 (RFC 4122 section 4.3, SHA-1) in ARM's fixed namespace
 * {@code 11fb06fb-712d-4ddd-98c7-e71bbd588830}, over the UTF-8 bytes of the arguments joined with {@code -}.
 */
final class ArmGuid {

    static final UUID ARM_NAMESPACE = UUID.fromString("11fb06fb-712d-4ddd-98c7-e71bbd588830");

    private ArmGuid() {
    }

    static String guid(List<String> arguments) {
        return nameBasedUuid(ARM_NAMESPACE, String.join("-", arguments)).toString();
    }

    static UUID nameBasedUuid(UUID namespace, String name) {
        // The namespace goes into the hash in network byte order, followed by the name.
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer input = ByteBuffer.allocate(16 + nameBytes.length);
        input.putLong(namespace.getMostSignificantBits());
        input.putLong(namespace.getLeastSignificantBits());
        input.put(nameBytes);

        byte[] hash = sha1(input.array());
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);

        ByteBuffer uuid = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(uuid.getLong(), uuid.getLong());
    }

    private static byte[] sha1(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime must provide SHA-1", e);
        }
    }
}
