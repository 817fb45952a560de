package care.parcours.auth.partnerclients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All partner clients, revoked ones included. Updates are checked by version. */
@Repository
class PartnerClients {

	private static final String COLUMNS = "client_id, partner_id, name, scopes, created_at, secret_rotated_at, revoked_at, version";

	private final JdbcClient jdbc;

	PartnerClients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(PartnerClient client) {
		jdbc.sql("insert into partner_client (" + COLUMNS + """
				) values (:clientId, :partnerId, :name, :scopes, :createdAt, :secretRotatedAt, :revokedAt, :version)
				""").params(parameters(client)).update();
	}

	/**
	 * Stores the next version of a client.
	 * @throws StaleVersion when someone changed it meanwhile
	 */
	void update(PartnerClient client) {
		int updated = jdbc.sql("""
				update partner_client
				set secret_rotated_at = :secretRotatedAt, revoked_at = :revokedAt, version = :version
				where client_id = :clientId and version = :version - 1
				""").params(parameters(client)).update();
		if (updated == 0) {
			throw StaleVersion.concurrentEdit("Partner client " + client.clientId());
		}
	}

	Optional<PartnerClient> find(String clientId) {
		return jdbc.sql("select " + COLUMNS + " from partner_client where client_id = ?")
			.param(clientId)
			.query(PartnerClients::map)
			.optional();
	}

	/** Newest first; those of one partner only when {@code partnerId} is given. */
	Page<PartnerClient> list(@Nullable UUID partnerId, PageQuery query) {
		String where = partnerId == null ? "" : " where partner_id = :partnerId";
		Map<String, Object> parameters = new HashMap<>();
		if (partnerId != null) {
			parameters.put("partnerId", partnerId);
		}
		List<PartnerClient> content = jdbc
			.sql("select " + COLUMNS + " from partner_client" + where
					+ " order by created_at desc, client_id limit :limit offset :offset")
			.params(parameters)
			.param("limit", query.size())
			.param("offset", query.offset())
			.query(PartnerClients::map)
			.list();
		long total = jdbc.sql("select count(*) from partner_client" + where)
			.params(parameters)
			.query(Long.class)
			.single();
		return Page.of(content, query, total);
	}

	private static Map<String, Object> parameters(PartnerClient client) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("clientId", client.clientId());
		parameters.put("partnerId", client.partnerId());
		parameters.put("name", client.name());
		parameters.put("scopes", client.scopeValues().toArray(String[]::new));
		parameters.put("createdAt", Timestamp.from(client.createdAt()));
		parameters.put("secretRotatedAt", timestamp(client.secretRotatedAt()));
		parameters.put("revokedAt", timestamp(client.revokedAt()));
		parameters.put("version", client.version());
		return parameters;
	}

	private static PartnerClient map(ResultSet rs, int row) throws SQLException {
		String[] scopes = (String[]) rs.getArray("scopes").getArray();
		return new PartnerClient(rs.getString("client_id"), rs.getObject("partner_id", UUID.class),
				rs.getString("name"),
				Arrays.stream(scopes).map(scope -> PartnerScope.of(scope).orElseThrow()).collect(Collectors.toSet()),
				rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("secret_rotated_at")),
				instant(rs.getTimestamp("revoked_at")), rs.getLong("version"));
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
