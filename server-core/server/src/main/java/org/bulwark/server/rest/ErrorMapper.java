package org.bulwark.server.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.bulwark.api.ApiError;
import org.bulwark.api.ApiException;
import org.bulwark.server.errors.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a JSON {@link ApiError}: the services' {@link ApiException}s as
 * they are, JAX-RS errors (unknown path, wrong method, unreadable body) by their status, and
 * anything else into 500 {@code INTERNAL} with an id that is logged with the stack trace
 * (which never reaches the client).
 */
final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        ApiError error = toError(failure);
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }

    static ApiError toError(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api.error();
        }
        JsonProcessingException json = jsonCause(failure);
        if (json != null) {
            return new ApiError(400, Errors.BAD_REQUEST, "Malformed JSON: " + json.getOriginalMessage());
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            String code = switch (status) {
                case 401 -> Errors.UNAUTHENTICATED;
                case 403 -> Errors.FORBIDDEN;
                case 404 -> Errors.NOT_FOUND;
                case 405 -> Errors.METHOD_NOT_ALLOWED;
                case 409 -> Errors.CONFLICT;
                case 415 -> Errors.UNSUPPORTED_MEDIA_TYPE;
                default -> Errors.BAD_REQUEST;
            };
            String message = status == 404 ? "No such resource" : web.getResponse().getStatusInfo().getReasonPhrase();
            return new ApiError(status, code, message);
        }
        String id = UUID.randomUUID().toString();
        LOG.error("internal error id={}", id, failure);
        return new ApiError(500, Errors.INTERNAL, "Internal server error; the server log has details under id " + id);
    }

    private static JsonProcessingException jsonCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return json;
            }
        }
        return null;
    }
}
