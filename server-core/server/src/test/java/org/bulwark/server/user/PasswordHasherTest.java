package org.bulwark.server.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesVerifyOnlyTheirPasswordAndAreSalted() {
        String hash = hasher.hash("correct horse battery");
        assertTrue(hasher.verify("correct horse battery", hash));
        assertFalse(hasher.verify("correct horse battery ", hash));
        assertNotEquals(hash, hasher.hash("correct horse battery"), "a new salt every time");
    }

    @Test
    void parametersTravelWithTheHash() {
        String weak = new PasswordHasher(1024, 1, 1).hash("secret password");
        assertTrue(weak.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), weak);
        assertTrue(hasher.verify("secret password", weak), "a hasher with other defaults still verifies it");
    }

    @Test
    void malformedHashesNeverMatch() {
        assertFalse(hasher.verify("x", ""));
        assertFalse(hasher.verify("x", "$argon2i$v=19$m=1024,t=1,p=1$AAAA$AAAA"));
        assertFalse(hasher.verify("x", "$argon2id$v=19$m=1024,t=1,p=1$!!!$AAAA"));
        assertFalse(hasher.verify("x", "$argon2id$v=19$q=1$AAAA$AAAA"));
    }
}
