package care.parcours.local;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code parcours down}: SIGTERM to the launcher of the pid file, which then stops
 * everything as on Ctrl-C; waits until it has.
 */
final class Down {

	private Down() {
	}

	/**
	 * Returns 0 once the platform is stopped or was not running, 1 if it does not stop.
	 */
	static int run(PidFile pidFile) {
		Optional<ProcessHandle> owner = pidFile.liveOwner();
		if (owner.isEmpty()) {
			if (pidFile.exists()) {
				pidFile.delete();
				System.out.println("Parcours is not running (removed the stale " + pidFile.path() + ").");
			}
			else {
				System.out.println("Parcours is not running.");
			}
			return 0;
		}
		ProcessHandle launcher = owner.get();
		System.out.println("Stopping Parcours (pid " + launcher.pid() + ")...");
		launcher.destroy();
		try {
			if (awaitStopped(launcher, pidFile)) {
				System.out.println("Parcours stopped.");
				return 0;
			}
			System.err.println("Parcours (pid " + launcher.pid() + ") is still stopping after "
					+ LocalPlatformCommand.STOP_WAIT_SECONDS + " s; kill -9 " + launcher.pid() + " ends it.");
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

	/**
	 * The launcher removes its pid file once everything is stopped, as its last act; that
	 * counts too, since a parent that does not reap it can keep it a zombie for a while.
	 */
	private static boolean awaitStopped(ProcessHandle launcher, PidFile pidFile) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LocalPlatformCommand.STOP_WAIT_SECONDS);
		while (launcher.isAlive() && pidFile.exists()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				launcher.onExit().get(250, TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException | ExecutionException ex) {
				// Not yet.
			}
		}
		return true;
	}

}
