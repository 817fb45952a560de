package care.parcours.scheduling.partners;

import java.util.List;
import java.util.UUID;

import care.parcours.events.partner.PartnerRegistered;
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

	void register(PartnerRegistered event, long version) {
		jdbc.sql("""
				insert into partner (id, kind, country, city, time_zone, specialties, languages, version)
				values (:id, :kind, :country, :city, :timeZone, :specialties, :languages, :version)
				on conflict (id) do nothing
				""")
			.paramSource(new Copy(event.partnerId(), event.kind(), event.country(), event.city(), event.timeZone(),
					event.specialties(), event.languages(), version))
			.update();
	}

	void update(PartnerUpdated event, long version) {
		jdbc.sql("""
				update partner set kind = :kind, country = :country, city = :city, time_zone = :timeZone,
				       specialties = :specialties, languages = :languages, version = :version
				where id = :id and version < :version
				""")
			.paramSource(new Copy(event.partnerId(), event.kind(), event.country(), event.city(), event.timeZone(),
					event.specialties(), event.languages(), version))
			.update();
	}

	void setSuspended(UUID partnerId, boolean suspended, long version) {
		jdbc.sql("update partner set suspended = ?, version = ? where id = ? and version < ?")
			.params(suspended, version, partnerId, version)
			.update();
	}

	/** A partner's row as the statements bind it: lists as PostgreSQL arrays. */
	private record Copy(UUID id, String kind, String country, String city, String timeZone, String[] specialties,
			String[] languages, long version) {

		Copy(UUID id, String kind, String country, String city, String timeZone, List<String> specialties,
				List<String> languages, long version) {
			this(id, kind, country, city, timeZone, specialties.toArray(String[]::new),
					languages.toArray(String[]::new), version);
		}

	}

}
