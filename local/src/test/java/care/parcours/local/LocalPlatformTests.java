package care.parcours.local;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalPlatformTests {

	@TempDir
	Path directory;

	@Test
	void refusesToStartWhenAJarIsMissingAndSaysHowToBuildIt() throws Exception {
		Path root = FakeRepository.in(this.directory);
		Files.delete(ServiceName.GATEWAY.jar(root));

		assertThatExceptionOfType(LocalPlatformException.class)
			.isThrownBy(() -> LocalPlatform.builder(root).ports(PortPlan.random()).build().start())
			.withMessage("Not built yet: gateway/target/gateway.jar. Build the jars first: ./mvnw -DskipTests package");
	}

	@Test
	void refusesToStartWhenAServicePortIsTaken() throws Exception {
		Path root = FakeRepository.in(this.directory);
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(0));
			PortPlan free = PortPlan.random();
			Map<ServiceName, Integer> ports = new EnumMap<>(free.ports());
			ports.put(ServiceName.PARTNER, taken.getLocalPort());

			assertThatExceptionOfType(LocalPlatformException.class)
				.isThrownBy(
						() -> LocalPlatform.builder(root).ports(new PortPlan(ports, free.management())).build().start())
				.withMessageStartingWith("Port " + taken.getLocalPort() + " (partner-service) already in use.");
		}
	}

	@Test
	void refusesADatabasePrefixThatIsNotAPlainIdentifier() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalPlatform.builder(this.directory).databasePrefix("x\"; drop"));
	}

}
