package org.bulwark.server.node.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelSettingsTest {

    @Test
    void backoffDoublesFromTheMinimumUpToTheCap() {
        List<Long> waits = new ArrayList<>();
        Duration wait = Duration.ZERO;
        for (int i = 0; i < 8; i++) {
            wait = ChannelSettings.DEFAULTS.nextBackoff(wait);
            waits.add(wait.toSeconds());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), waits);
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new ChannelSettings(Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new ChannelSettings(Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }
}
