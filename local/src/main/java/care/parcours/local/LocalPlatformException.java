package care.parcours.local;

/**
 * An expected reason for the local platform not to start or stop: a port in use, a jar
 * not built, a service that exited. Its message is written for the person at the
 * terminal, who should not need a stack trace to act on it.
 */
public class LocalPlatformException extends RuntimeException {

	public LocalPlatformException(String message) {
		super(message);
	}

	public LocalPlatformException(String message, Throwable cause) {
		super(message, cause);
	}

}
