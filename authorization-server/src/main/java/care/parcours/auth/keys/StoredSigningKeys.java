package care.parcours.auth.keys;

import java.sql.Timestamp;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The signing keys kept in the database, newest first. */
@Repository
class StoredSigningKeys {

	/**
	 * Serialises key creation across instances starting together on an empty database.
	 */
	private static final long CREATION_LOCK = 0x7061_7263_6b65_7973L;

	private final JdbcClient jdbc;

	StoredSigningKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every stored key, newest first; when there is none, the one {@code generator}
	 * makes, stored first. Two instances calling this at once end up with the same key.
	 */
	@Transactional
	List<SigningKey> allOrCreate(Supplier<SigningKey> generator) {
		jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(CREATION_LOCK).query(Integer.class).single();
		List<SigningKey> keys = all();
		if (!keys.isEmpty()) {
			return keys;
		}
		SigningKey created = generator.get();
		add(created);
		return List.of(created);
	}

	private List<SigningKey> all() {
		return jdbc.sql("select kid, private_key, created_at from signing_key order by created_at desc, kid")
			.query((rs, row) -> new SigningKey(rs.getString("kid"),
					RsaKeys.fromPkcs8(Base64.getDecoder().decode(rs.getString("private_key")), rs.getString("kid")),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	private void add(SigningKey key) {
		try {
			RSAKey jwk = key.jwk();
			jdbc.sql("""
					insert into signing_key (kid, algorithm, private_key, public_key, created_at)
					values (:kid, 'RS256', :privateKey, :publicKey, :createdAt)
					""")
				.param("kid", key.kid())
				.param("privateKey", Base64.getEncoder().encodeToString(jwk.toPrivateKey().getEncoded()))
				.param("publicKey", Base64.getEncoder().encodeToString(jwk.toPublicKey().getEncoded()))
				.param("createdAt", Timestamp.from(key.createdAt()))
				.update();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not encode signing key " + key.kid(), ex);
		}
	}

}
