package io.cvmkeys.emulator.arm;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * ARM's {@code uniqueString()}: the arguments joined with {@code -}, hashed with the 64-bit MurmurHash variant that
 * Azure Resource Manager uses (two 32-bit lanes over 8-byte blocks), then written as 13 characters of lowercase
 * RFC 4648 base-32 taken from the top of the hash.
 *
 * <p>NOTE: Microsoft does not publish this algorithm. It follows a public reimplementation whose sample outputs
 * were compared with Bicep's. The tests pin those samples, so they catch a change here, but not a difference from
 * Azure itself.
 */
final class UniqueString {

    private static final int C1 = (int) 2869860233L;
    private static final int C2 = 597399067;
    private static final int C3 = (int) 2246822507L;
    private static final int C4 = (int) 3266489909L;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private UniqueString() {
    }

    static String of(List<String> arguments) {
        long hash = hash64(String.join("-", arguments).getBytes(StandardCharsets.UTF_8));

        StringBuilder result = new StringBuilder(13);
        for (int i = 0; i < 13; i++) {
            result.append(ALPHABET.charAt((int) ((hash >>> 59) & 31)));
            hash <<= 5;
        }
        return result.toString();
    }

    static long hash64(byte[] data) {
        int length = data.length;
        int h1 = 0;
        int h2 = 0;
        int offset = 0;

        while (offset + 8 <= length) {
            int k1 = littleEndian(data, offset, 4);
            int k2 = littleEndian(data, offset + 4, 4);

            h1 ^= mixFirstLane(k1);
            h1 = Integer.rotateLeft(h1, 19) + h2;
            h1 = h1 * 5 + 1444728091;

            h2 ^= mixSecondLane(k2);
            h2 = Integer.rotateLeft(h2, 13) + h1;
            h2 = h2 * 5 + 197830471;

            offset += 8;
        }

        int remaining = length - offset;
        if (remaining > 0) {
            h1 ^= mixFirstLane(littleEndian(data, offset, Math.min(remaining, 4)));
            if (remaining > 4) {
                h2 ^= mixSecondLane(littleEndian(data, offset + 4, remaining - 4));
            }
        }

        h2 ^= length;
        h1 = (h1 ^ length) + h2;
        h2 += h1;
        h1 = finalMix(h1);
        h2 = finalMix(h2);
        h1 += h2;
        h2 += h1;

        return ((long) h2 << 32) | (h1 & 0xffffffffL);
    }

    private static int mixFirstLane(int k) {
        return Integer.rotateLeft(k * C2, 15) * C1;
    }

    private static int mixSecondLane(int k) {
        return Integer.rotateLeft(k * C1, 17) * C2;
    }

    private static int finalMix(int h) {
        h = (h ^ (h >>> 16)) * C3;
        h = (h ^ (h >>> 13)) * C4;
        return h ^ (h >>> 16);
    }

    private static int littleEndian(byte[] data, int offset, int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            value |= (data[offset + i] & 0xff) << (8 * i);
        }
        return value;
    }
}
