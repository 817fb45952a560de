package care.parcours.auth.partnerclients;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The partners this server heard of from partner-service: a local read model, so that
 * issuing a client never calls partner-service.
 */
@Repository
class KnownPartners {

	private final JdbcClient jdbc;

	KnownPartners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(UUID partnerId, Instant registeredAt) {
		jdbc.sql("""
				insert into known_partner (partner_id, registered_at) values (?, ?)
				on conflict (partner_id) do nothing
				""").params(partnerId, Timestamp.from(registeredAt)).update();
	}

	/** Whether the partner is known; locks its row until the transaction ends. */
	boolean contains(UUID partnerId) {
		return jdbc.sql("select 1 from known_partner where partner_id = ? for share")
			.param(partnerId)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

}
