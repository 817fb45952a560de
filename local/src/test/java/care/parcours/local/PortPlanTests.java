package care.parcours.local;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PortPlanTests {

	@Test
	void defaultsAreTheContractPorts() {
		PortPlan ports = PortPlan.defaults();

		assertThat(ports.port(ServiceName.GATEWAY)).isEqualTo(8080);
		assertThat(ports.port(ServiceName.PATIENT)).isEqualTo(8081);
		assertThat(ports.port(ServiceName.SCHEDULING)).isEqualTo(8082);
		assertThat(ports.port(ServiceName.BILLING)).isEqualTo(8083);
		assertThat(ports.port(ServiceName.PARTNER)).isEqualTo(8084);
		assertThat(ports.port(ServiceName.AUTH)).isEqualTo(9000);
		assertThat(ports.managementPort(ServiceName.GATEWAY)).isEqualTo(9080);
		assertThat(ports.managementPort(ServiceName.AUTH)).isEqualTo(9001);
		// The services behind the gateway answer probes and metrics on their own port.
		assertThat(ports.managementPort(ServiceName.PARTNER)).isEqualTo(8084);
		assertThat(ports.hasManagementPort(ServiceName.PARTNER)).isFalse();
	}

	@Test
	void randomGivesEveryServiceAndEachManagementServerItsOwnFreePort() {
		PortPlan ports = PortPlan.random();
		Set<Integer> planned = new HashSet<>(ports.ports().values());
		planned.addAll(ports.management().values());

		assertThat(ports.management()).containsOnlyKeys(ServiceName.GATEWAY, ServiceName.AUTH);
		assertThat(planned).hasSize(ServiceName.values().length + 2);
		assertThat(planned).allMatch((port) -> !Ports.inUse(port));
	}

	@Test
	void refusesAManagementPortForAServiceBehindTheGateway() {
		Map<ServiceName, Integer> management = new EnumMap<>(PortPlan.defaults().management());
		management.put(ServiceName.PARTNER, 9084);

		assertThatIllegalArgumentException().isThrownBy(() -> new PortPlan(PortPlan.defaults().ports(), management))
			.withMessage("partner-service answers probes and metrics on its own port; it has no management port");
	}

	@Test
	void refusesAManagementPortThatIsAServicePort() {
		Map<ServiceName, Integer> ports = new EnumMap<>(PortPlan.defaults().ports());
		Map<ServiceName, Integer> management = new EnumMap<>(PortPlan.defaults().management());
		management.put(ServiceName.AUTH, 8082);

		assertThatIllegalArgumentException().isThrownBy(() -> new PortPlan(ports, management))
			.withMessage("Port 8082 is planned twice, once as a management port");
	}

	@Test
	void refusesAPlanWithoutEveryService() {
		Map<ServiceName, Integer> ports = new EnumMap<>(PortPlan.defaults().ports());
		ports.remove(ServiceName.BILLING);

		assertThatIllegalArgumentException().isThrownBy(() -> new PortPlan(ports))
			.withMessage("No port for billing-service");
	}

	@Test
	void refusesTwoServicesOnOnePort() {
		Map<ServiceName, Integer> ports = new EnumMap<>(PortPlan.defaults().ports());
		ports.put(ServiceName.BILLING, 8084);

		assertThatIllegalArgumentException().isThrownBy(() -> new PortPlan(ports))
			.withMessage("Port 8084 is planned for two services");
	}

	@Test
	void refusesAPortOutsideTheTcpRange() {
		Map<ServiceName, Integer> ports = new EnumMap<>(PortPlan.defaults().ports());
		ports.put(ServiceName.GATEWAY, 70000);

		assertThatIllegalArgumentException().isThrownBy(() -> new PortPlan(ports))
			.withMessage("Port 70000 of gateway is not a TCP port");
	}

	@Test
	void cannotBeChangedAfterwards() {
		Map<ServiceName, Integer> ports = new EnumMap<>(PortPlan.defaults().ports());
		PortPlan plan = new PortPlan(ports);
		ports.put(ServiceName.GATEWAY, 9999);

		assertThat(plan.port(ServiceName.GATEWAY)).isEqualTo(8080);
	}

	@Test
	void shiftedMovesEveryPortManagementPortsIncluded() {
		PortPlan second = PortPlan.defaults().shifted(10);

		assertThat(second.port(ServiceName.SCHEDULING)).isEqualTo(8092);
		assertThat(second.port(ServiceName.AUTH)).isEqualTo(9010);
		assertThat(second.managementPort(ServiceName.AUTH)).isEqualTo(9011);
		assertThat(second.managementPort(ServiceName.PARTNER)).isEqualTo(8094);
	}

}
