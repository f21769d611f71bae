package org.bulwark.api;

/** An {@link ApiError} raised as an exception, on the server and in clients alike. */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ApiError error;

    public ApiException(ApiError error) {
        super(error.message());
        this.error = error;
    }

    public ApiException(int status, String code, String message) {
        this(new ApiError(status, code, message));
    }

    public ApiError error() {
        return error;
    }

    public int status() {
        return error.status();
    }

    public String code() {
        return error.code();
    }
}
