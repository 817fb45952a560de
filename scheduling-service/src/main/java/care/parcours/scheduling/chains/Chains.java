package care.parcours.scheduling.chains;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All appointment chains and their rules; the appointments record their chain themselves
 * (see {@link AppointmentChain#link}).
 */
@Repository
class Chains {

	private final JdbcClient jdbc;

	Chains(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(AppointmentChain chain) {
		jdbc.sql("insert into appointment_chain (id, patient_id, pathway_id, created_at) values (?, ?, ?, ?)")
			.params(chain.id(), chain.patientId(), chain.pathwayId(), Timestamp.from(chain.createdAt()))
			.update();
		for (ChainRule rule : chain.rules()) {
			jdbc.sql("""
					insert into chain_rule (chain_id, from_appointment, to_appointment, offset_seconds,
					                        tolerance_seconds)
					values (?, ?, ?, ?, ?)
					""")
				.params(chain.id(), rule.from(), rule.to(), rule.offset().toSeconds(), rule.tolerance().toSeconds())
				.update();
		}
	}

	Optional<AppointmentChain> find(UUID id) {
		List<ChainRule> rules = jdbc
			.sql("select from_appointment, to_appointment, offset_seconds, tolerance_seconds from chain_rule"
					+ " where chain_id = ? order by from_appointment, to_appointment")
			.param(id)
			.query((rs, row) -> new ChainRule(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					Duration.ofSeconds(rs.getLong(3)), Duration.ofSeconds(rs.getLong(4))))
			.list();
		return jdbc.sql("select id, patient_id, pathway_id, created_at from appointment_chain where id = ?")
			.param(id)
			.query((rs, row) -> new AppointmentChain(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rules, rs.getTimestamp(4).toInstant()))
			.optional();
	}

}
