package de.amtsraum.video.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoomNamesTest {

    @Test
    void base32FollowsRfc4648InLowerCaseWithoutPadding() {
        // RFC 4648 section 10 test vectors.
        assertThat(RoomNames.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("my");
        assertThat(RoomNames.base32("fo".getBytes(StandardCharsets.US_ASCII))).isEqualTo("mzxq");
        assertThat(RoomNames.base32("foo".getBytes(StandardCharsets.US_ASCII))).isEqualTo("mzxw6");
        assertThat(RoomNames.base32("foob".getBytes(StandardCharsets.US_ASCII))).isEqualTo("mzxw6yq");
        assertThat(RoomNames.base32("fooba".getBytes(StandardCharsets.US_ASCII))).isEqualTo("mzxw6ytb");
        assertThat(RoomNames.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("mzxw6ytboi");
    }

    @Test
    void randomNamesAre128BitsIn26Characters() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String name = RoomNames.random();
            assertThat(name).matches(RoomNames.PATTERN);
            names.add(name);
        }
        assertThat(names).hasSize(1000);
    }
}
