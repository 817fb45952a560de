package care.parcours.partner.webhooks;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All webhook endpoints. Writes are checked by version. */
@Repository
public class WebhookEndpoints {

	private static final String COLUMNS = """
			id, partner_id, url, description, event_types, secret, previous_secret, previous_secret_expires_at,
			enabled, version, created_at""";

	private final JdbcClient jdbc;

	WebhookEndpoints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(WebhookEndpoint endpoint) {
		jdbc.sql("insert into webhook_endpoint (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(endpoint.id(), endpoint.partnerId(), endpoint.url().toString(), endpoint.description(),
					endpoint.eventTypes().toArray(String[]::new), endpoint.secret().value(),
					endpoint.previousSecret() == null ? null : endpoint.previousSecret().value(),
					timestamp(endpoint.previousSecretExpiresAt()), endpoint.enabled(), endpoint.version(),
					Timestamp.from(endpoint.createdAt()))
			.update();
	}

	/**
	 * Stores the next version of an endpoint.
	 * @throws StaleVersion when the stored version is no longer the one before
	 */
	void update(WebhookEndpoint endpoint) {
		int updated = jdbc.sql("""
				update webhook_endpoint set url = ?, description = ?, event_types = ?, secret = ?, previous_secret = ?,
				       previous_secret_expires_at = ?, enabled = ?, version = ?
				where id = ? and version = ?
				""")
			.params(endpoint.url().toString(), endpoint.description(), endpoint.eventTypes().toArray(String[]::new),
					endpoint.secret().value(),
					endpoint.previousSecret() == null ? null : endpoint.previousSecret().value(),
					timestamp(endpoint.previousSecretExpiresAt()), endpoint.enabled(), endpoint.version(),
					endpoint.id(), endpoint.version() - 1)
			.update();
		if (updated == 0) {
			throw StaleVersion.concurrentEdit("Webhook endpoint " + endpoint.id());
		}
	}

	/** Removes the endpoint with its delivery log. */
	void remove(WebhookEndpoint endpoint) {
		int removed = jdbc.sql("delete from webhook_endpoint where id = ? and version = ?")
			.params(endpoint.id(), endpoint.version())
			.update();
		if (removed == 0) {
			throw StaleVersion.concurrentEdit("Webhook endpoint " + endpoint.id());
		}
	}

	public Optional<WebhookEndpoint> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from webhook_endpoint where id = ?")
			.param(id)
			.query(WebhookEndpoints::map)
			.optional();
	}

	/** The endpoints with these ids that still exist, by id. */
	public Map<UUID, WebhookEndpoint> findAll(Collection<UUID> ids) {
		return jdbc.sql("select " + COLUMNS + " from webhook_endpoint where id = any(cast(? as uuid[]))")
			.param(ids.stream().map(UUID::toString).toArray(String[]::new))
			.query(WebhookEndpoints::map)
			.list()
			.stream()
			.collect(Collectors.toMap(WebhookEndpoint::id, Function.identity()));
	}

	Page<WebhookEndpoint> ofPartner(UUID partnerId, PageQuery query) {
		List<WebhookEndpoint> content = jdbc
			.sql("select " + COLUMNS + " from webhook_endpoint where partner_id = ? order by created_at, id "
					+ "limit ? offset ?")
			.params(partnerId, query.size(), query.offset())
			.query(WebhookEndpoints::map)
			.list();
		return Page.of(content, query, countOf(partnerId));
	}

	long countOf(UUID partnerId) {
		return jdbc.sql("select count(*) from webhook_endpoint where partner_id = ?")
			.param(partnerId)
			.query(Long.class)
			.single();
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static WebhookEndpoint map(ResultSet rs, int row) throws SQLException {
		String previous = rs.getString("previous_secret");
		Timestamp previousExpiry = rs.getTimestamp("previous_secret_expires_at");
		return new WebhookEndpoint(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
				URI.create(rs.getString("url")), rs.getString("description"),
				Arrays.asList((String[]) rs.getArray("event_types").getArray()),
				new WebhookSecret(rs.getString("secret")), previous == null ? null : new WebhookSecret(previous),
				previousExpiry == null ? null : previousExpiry.toInstant(), rs.getBoolean("enabled"),
				rs.getLong("version"), rs.getTimestamp("created_at").toInstant());
	}

}
