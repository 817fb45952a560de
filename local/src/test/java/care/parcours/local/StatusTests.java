package care.parcours.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StatusTests {

	@Test
	void everyInstanceOfEachServiceIsListedWithItsOwnReadiness() {
		List<Status.Row> rows = Status.rows(2, (url) -> url.getPort() != 8092);

		assertThat(rows).extracting(Status.Row::name)
			.containsExactly("gateway", "authorization-server", "authorization-server-2", "patient-service",
					"patient-service-2", "scheduling-service", "scheduling-service-2", "billing-service",
					"billing-service-2", "partner-service", "partner-service-2");
		assertThat(rows).filteredOn((row) -> !row.ready())
			.containsExactly(new Status.Row("scheduling-service-2", URI.create("http://localhost:8092"), false));
	}

	@Test
	void theInstancesUpStartedAreRememberedForStatus(@TempDir Path directory) {
		PidFile pidFile = new PidFile(directory.resolve("parcours.pid"));
		assertThat(Status.recordedInstances(pidFile)).isEqualTo(1);

		Status.recordInstances(pidFile, 2);

		assertThat(Status.recordedInstances(pidFile)).isEqualTo(2);
		assertThat(Status.rows(Status.recordedInstances(pidFile), (url) -> true)).hasSize(11);
	}

}
