package care.parcours.gateway.resilience;

import java.net.ConnectException;

import io.netty.channel.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * A connection the service refused: nothing reached it. Not a connect timeout, where a
 * host that did not answer in time is not known to have refused anything.
 */
public final class RefusedConnections {

	private RefusedConnections() {
	}

	public static boolean isRefusedConnection(@Nullable Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return !(cause instanceof ConnectTimeoutException);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
