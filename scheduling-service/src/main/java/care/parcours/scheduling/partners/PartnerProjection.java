package care.parcours.scheduling.partners;

import care.parcours.events.partner.PartnerRegistered;
import care.parcours.platform.consumer.EventHandler;
import care.parcours.platform.consumer.EventMetadata;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps the local copy of partners from their registration events. */
@Component
class PartnerProjection implements EventHandler<PartnerRegistered> {

	private final JdbcClient jdbc;

	PartnerProjection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void handle(PartnerRegistered event, EventMetadata metadata) {
		jdbc.sql("""
				insert into partner (id, kind, country, city, time_zone, specialties, languages, version)
				values (:id, :kind, :country, :city, :timeZone, :specialties, :languages, :version)
				on conflict (id) do nothing
				""")
			.param("id", event.partnerId())
			.param("kind", event.kind())
			.param("country", event.country())
			.param("city", event.city())
			.param("timeZone", event.timeZone())
			.param("specialties", event.specialties().toArray(String[]::new))
			.param("languages", event.languages().toArray(String[]::new))
			.param("version", metadata.aggregateVersion())
			.update();
	}

}
