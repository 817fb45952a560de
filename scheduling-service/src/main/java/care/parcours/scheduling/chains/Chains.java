package care.parcours.scheduling.chains;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.outbox.Outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All appointment chains and their rules; the appointments record their chain themselves
 * (see {@link AppointmentChain#link}). Changes are checked by version and announced with
 * the chain as the aggregate, the pathway on the envelope.
 */
@Repository
class Chains {

	private final JdbcClient jdbc;

	private final Outbox outbox;

	Chains(JdbcClient jdbc, Outbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	void add(AppointmentChain chain) {
		jdbc.sql(
				"insert into appointment_chain (id, patient_id, pathway_id, created_at, version) values (?, ?, ?, ?, ?)")
			.params(chain.id(), chain.patientId(), chain.pathwayId(), Timestamp.from(chain.createdAt()),
					chain.version())
			.update();
		addRules(chain);
	}

	/**
	 * Writes the chain's new rules over the version they replace.
	 * @throws StaleVersion when someone changed the chain in between
	 */
	void relinked(AppointmentChain chain) {
		update(chain);
		jdbc.sql("delete from chain_rule where chain_id = ?").param(chain.id()).update();
		addRules(chain);
	}

	/** Writes a chain moved by a cascade over its previous version, and announces it. */
	void cascaded(AppointmentChain.Change change) {
		AppointmentChain chain = change.chain();
		update(chain);
		outbox.publish(change.event(), chain.id(), chain.version(), chain.pathwayId());
	}

	Optional<AppointmentChain> find(UUID id) {
		List<ChainRule> rules = jdbc
			.sql("select from_appointment, to_appointment, offset_seconds, tolerance_seconds from chain_rule"
					+ " where chain_id = ? order by from_appointment, to_appointment")
			.param(id)
			.query((rs, row) -> new ChainRule(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					Duration.ofSeconds(rs.getLong(3)), Duration.ofSeconds(rs.getLong(4))))
			.list();
		return jdbc.sql("select id, patient_id, pathway_id, created_at, version from appointment_chain where id = ?")
			.param(id)
			.query((rs, row) -> new AppointmentChain(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rules, rs.getTimestamp(4).toInstant(), rs.getLong(5)))
			.optional();
	}

	private void update(AppointmentChain chain) {
		int updated = jdbc.sql("update appointment_chain set version = ? where id = ? and version = ?")
			.params(chain.version(), chain.id(), chain.version() - 1)
			.update();
		if (updated == 0) {
			throw StaleVersion.concurrentEdit("Appointment chain " + chain.id());
		}
	}

	private void addRules(AppointmentChain chain) {
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

}
