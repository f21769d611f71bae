package org.bulwark.api;

/**
 * The one error model of every API: an HTTP-like status, a stable machine-readable code
 * (e.g. {@code INVALID_CREDENTIALS}, {@code FORBIDDEN}, {@code NOT_FOUND}) and a message
 * an operator can read.
 */
public record ApiError(int status, String code, String message) {
}
