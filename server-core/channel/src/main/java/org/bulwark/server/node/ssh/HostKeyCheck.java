package org.bulwark.server.node.ssh;

import java.security.PublicKey;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * The host key decision for one SSH connection: trust only the pinned key, or (at enrollment)
 * capture whatever key the node presents. Remembers the key presented.
 */
final class HostKeyCheck {
    static final AttributeKey<HostKeyCheck> ATTRIBUTE = new AttributeKey<>();

    private final PublicKey pinned;
    private volatile PublicKey presented;

    private HostKeyCheck(PublicKey pinned) {
        this.pinned = pinned;
    }

    static HostKeyCheck pinned(PublicKey key) {
        return new HostKeyCheck(key);
    }

    static HostKeyCheck capture() {
        return new HostKeyCheck(null);
    }

    boolean verify(PublicKey key) {
        presented = key;
        return pinned == null || KeyUtils.compareKeys(pinned, key);
    }

    /** The key the node presented, or null before key exchange. */
    PublicKey presented() {
        return presented;
    }

    /** Whether the node presented a key other than the pinned one. */
    boolean mismatched() {
        PublicKey seen = presented;
        return pinned != null && seen != null && !KeyUtils.compareKeys(pinned, seen);
    }

    String describeMismatch() {
        return "host key changed: the node presented " + KeyUtils.getFingerPrint(presented) + " but "
                + KeyUtils.getFingerPrint(pinned) + " is pinned; not trusted (re-enroll the node if this is intended)";
    }
}
