package org.bulwark.server.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bulwark.api.Secrets;
import org.bulwark.server.secret.SecretBox;

/**
 * Task parameters kept as JSON text, with every secret value (a passphrase, a client secret:
 * see {@link Secrets#isSecret}) sealed by the server's {@link SecretBox} for the task it belongs
 * to, so the database never holds a secret in plain text.
 */
public final class TaskParameterColumn {
    private static final String SEALED = "sealed:";
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };
    private final SecretBox box;

    public TaskParameterColumn(SecretBox box) {
        this.box = box;
    }

    String write(String owner, Map<String, String> parameters) {
        Map<String, String> stored = new LinkedHashMap<>();
        parameters.forEach((name, value) -> stored.put(name,
                Secrets.isSecret(name) && value != null ? SEALED + box.encrypt(owner + "/" + name, value) : value));
        return JsonColumn.write(stored);
    }

    Map<String, String> read(String owner, String json) {
        Map<String, String> parameters = new LinkedHashMap<>();
        JsonColumn.read(json, MAP).forEach((name, value) -> parameters.put(name,
                value != null && value.startsWith(SEALED) ? box.decrypt(owner + "/" + name, value.substring(SEALED.length())) : value));
        return parameters;
    }
}
