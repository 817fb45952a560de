package care.parcours.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free TCP ports, and whether a port is taken. */
final class Ports {

	private Ports() {
	}

	/**
	 * Distinct ports the operating system considers free; the sockets stay open until all
	 * are chosen so that no port is handed out twice.
	 */
	static List<Integer> free(int count) {
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				ServerSocket socket = new ServerSocket(0);
				sockets.add(socket);
			}
			return sockets.stream().map(ServerSocket::getLocalPort).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free TCP port", ex);
		}
		finally {
			sockets.forEach(Ports::closeQuietly);
		}
	}

	static int free() {
		return free(1).getFirst();
	}

	/**
	 * Whether something listens on the port, on any address: services bind the wildcard
	 * address, so that is what is tried.
	 */
	static boolean inUse(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(port));
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	private static void closeQuietly(ServerSocket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Nothing to do: the port is released either way when the JVM exits.
		}
	}

}
