package care.parcours.scheduling.partners;

import java.util.UUID;

import care.parcours.events.partner.PartnerUpdated;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The local copy of the partner directory. Each change applies only over an older
 * version, so a late redelivery never undoes a newer one.
 */
@Repository
class PartnerCopies {

	private final JdbcClient jdbc;

	PartnerCopies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void update(PartnerUpdated event, long version) {
		jdbc.sql("""
				update partner set kind = :kind, country = :country, city = :city, time_zone = :timeZone,
				       specialties = :specialties, languages = :languages, version = :version
				where id = :id and version < :version
				""")
			.param("id", event.partnerId())
			.param("kind", event.kind())
			.param("country", event.country())
			.param("city", event.city())
			.param("timeZone", event.timeZone())
			.param("specialties", event.specialties().toArray(String[]::new))
			.param("languages", event.languages().toArray(String[]::new))
			.param("version", version)
			.update();
	}

	void setSuspended(UUID partnerId, boolean suspended, long version) {
		jdbc.sql("update partner set suspended = ?, version = ? where id = ? and version < ?")
			.params(suspended, version, partnerId, version)
			.update();
	}

}
