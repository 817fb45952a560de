package care.parcours.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SupervisorIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path logs;

	private final Supervisor supervisor = new Supervisor(Duration.ofSeconds(2));

	private final List<ServiceProcess> started = new ArrayList<>();

	@AfterEach
	void stopAll() throws InterruptedException {
		this.supervisor.stop(this.started);
		this.supervisor.close();
	}

	@Test
	void returnsOnlyOnceEveryServiceAnswersReady() throws Exception {
		List<ServiceProcess> processes = start(
				StandIns.launch("patient-service", "ready", this.logs, Map.of("NOT_READY_ANSWERS", "3")),
				StandIns.launch("partner-service", "ready", this.logs, Map.of()));

		assertThat(processes).allMatch(ServiceProcess::isAlive);
		assertThat(log("patient-service")).contains("readiness answer 3 not ready", "readiness answer 4 ready");
		assertThat(log("partner-service")).contains("readiness answer 1 ready");
	}

	@Test
	void reportsAServiceThatExitsBeforeItIsReadyWithTheEndOfItsLogAndStopsTheOthers() throws Exception {
		assertThatExceptionOfType(LocalPlatformException.class)
			.isThrownBy(() -> start(StandIns.launch("scheduling-service", "ready", this.logs, Map.of()),
					StandIns.launch("billing-service", "fail", this.logs, Map.of())))
			.withMessageContaining("billing-service exited with code 3 before it was ready")
			.withMessageContaining(this.logs.resolve("billing-service.log").toString())
			.withMessageContaining("failure detail 11")
			.withMessageContaining("failure detail 40")
			.withMessageNotContaining("failure detail 10");

		// The one that was still starting was stopped, not left behind.
		assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
	}

	@Test
	void namesTheServicesNotReadyInTime() {
		assertThatExceptionOfType(LocalPlatformException.class)
			.isThrownBy(() -> this.supervisor.start(
					List.of(StandIns.launch("gateway", "ready", this.logs, Map.of("NOT_READY_ANSWERS", "1000000"))),
					true, Duration.ofSeconds(3)))
			.withMessageStartingWith("Not ready after 3 s: gateway.")
			.withMessageContaining("not ready");
	}

	@Test
	void stopAsksWithSigtermFirst() throws Exception {
		List<ServiceProcess> processes = start(StandIns.launch("patient-service", "ready", this.logs, Map.of()));

		this.supervisor.stop(processes);

		assertThat(processes).noneMatch(ServiceProcess::isAlive);
		assertThat(processes.getFirst().exitCode()).isEqualTo(143);
		assertThat(log("patient-service")).contains("stand-in stopping gracefully");
	}

	@Test
	void stopKillsAServiceThatDoesNotFinishWithinTheGracePeriod() throws Exception {
		List<ServiceProcess> processes = start(
				StandIns.launch("billing-service", "ignore-sigterm", this.logs, Map.of()));

		this.supervisor.stop(processes);

		assertThat(processes).noneMatch(ServiceProcess::isAlive);
		assertThat(processes.getFirst().exitCode()).isEqualTo(137);
		assertThat(log("billing-service")).contains("stand-in stopping gracefully");
	}

	private List<ServiceProcess> start(ServiceLaunch... launches) throws InterruptedException {
		List<ServiceProcess> processes = this.supervisor.start(List.of(launches), true, TIMEOUT);
		this.started.addAll(processes);
		return processes;
	}

	private List<String> log(String name) throws Exception {
		return Files.readAllLines(this.logs.resolve(name + ".log"));
	}

}
