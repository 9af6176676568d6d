package no.kontakt.web;

/**
 * An error a client can act on, rendered as {@code {"error": code, "message": message}} with its status.
 * Thrown by route handlers; mapped in one place by {@link ErrorMapping}.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "bad_request", message);
    }

    public static ApiError forbidden(String message) {
        return new ApiError(403, "forbidden", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "not_found", message);
    }

    public static ApiError tooLarge(long limit) {
        return new ApiError(413, "too_large", "The request body is larger than " + limit + " bytes.");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
