package care.parcours.patient.patients;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import care.parcours.patient.keys.BlindIndex;
import care.parcours.patient.keys.DataKey;
import care.parcours.patient.keys.DataKeys;
import care.parcours.patient.keys.TestKeysets;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.patients.PatientFixtures.yasmine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * A rotation as an operator runs it: records written under the old master key and under
 * the pre-envelope service key, the service started with a new primary added, the rewrap,
 * then the old key removed, and every record still reads.
 */
@ParcoursTest
class KeyRotationIT {

	private static final TestKeysets KEYSETS = TestKeysets.generate();

	/** The service key of the tests' configuration, as the old code was given it. */
	private static final String SERVICE_KEY = "dGVzdHMtc2VydmljZS1rZXktb2YtdGhpcnR5LXR3byE=";

	@DynamicPropertySource
	static void rotatedMasterKeyset(DynamicPropertyRegistry registry) {
		registry.add("parcours.patient.keys.master-keyset", KEYSETS::rotated);
	}

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BlindIndex index;

	@Autowired
	IdentityCodec codec;

	@Autowired
	LegacyIdentityCipher legacy;

	@Autowired
	DataKeys dataKeys;

	@Test
	void afterTheRewrapEveryRecordReadsWithTheOldMasterKeyRemoved() throws Exception {
		PatientRecords underOldKey = records(KEYSETS.old());
		Patient first = Patient.register(UUID.randomUUID(), yasmineIdentity("rotation-1"), Instant.now());
		Patient second = Patient.register(UUID.randomUUID(), yasmineIdentity("rotation-2"), Instant.now());
		underOldKey.add(first);
		underOldKey.add(second);
		UUID old = writtenByTheOldCode();
		UUID fresh = PatientFixtures.registeredId(http, yasmine("rotation-fresh"));

		assertThat(masterKeyOf(first.id())).isEqualTo(KEYSETS.oldKeyId());
		assertThat(masterKeyOf(fresh)).isEqualTo(KEYSETS.newKeyId());
		for (UUID id : List.of(first.id(), second.id(), old)) {
			http.get().uri("/api/patients/{id}", id).exchange().expectStatus().isOk();
		}
		lookUpOld().jsonPath("$.content.length()").isEqualTo(0);
		assertThat(records(KEYSETS.rotated()).displayNames(List.of(first.id(), old, UUID.randomUUID())))
			.containsOnly(entry(first.id(), "Yasmine Benali-rotation-1"), entry(old, "Yasmine Benali-legacy"));

		http.post()
			.uri("/api/patients/keys/rewrap")
			.header("Authorization", TestTokens.staff("admin").bearer())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.migrated")
			.isEqualTo(1)
			.jsonPath("$.rewrapped")
			.isEqualTo(2)
			.jsonPath("$.remaining")
			.isEqualTo(0);

		assertThat(jdbc.sql("select distinct master_key_id from patient_data_key").query(Long.class).list())
			.containsExactly(KEYSETS.newKeyId());
		assertThat(jdbc.sql("select count(*) from patient where encryption = 'SERVICE_KEY' or key_id is not null")
			.query(Long.class)
			.single()).isZero();
		PatientRecords oldKeyRemoved = records(KEYSETS.newOnly());
		assertThat(oldKeyRemoved.find(first.id()).orElseThrow().identity()).isEqualTo(first.identity());
		assertThat(oldKeyRemoved.find(second.id()).orElseThrow().identity()).isEqualTo(second.identity());
		assertThat(oldKeyRemoved.find(old).orElseThrow().identity().familyName()).isEqualTo("Benali-legacy");
		assertThat(oldKeyRemoved.find(fresh)).isPresent();
		lookUpOld().jsonPath("$.content[0].id").isEqualTo(old.toString());
	}

	@Test
	void destroyingAPatientsDataKeyLeavesCiphertextThatNoKeyOpens() {
		UUID id = PatientFixtures.registeredId(http, yasmine("shredded"));
		byte[] before = identityOf(id);

		assertThat(dataKeys.destroy(id)).isTrue();

		assertThat(identityOf(id)).isEqualTo(before);
		assertThatThrownBy(() -> records(KEYSETS.rotated()).find(id)).isInstanceOf(DataKey.UnreadableData.class);
	}

	@Test
	void rewrappingOnlyAdminsMayRun() {
		http.post()
			.uri("/api/patients/keys/rewrap")
			.header("Authorization", TestTokens.staff("coordinator").bearer())
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private PatientRecords records(String masterKeyset) {
		return new PatientRecords(jdbc, TestKeysets.dataKeys(jdbc, masterKeyset), index, codec, legacy);
	}

	private byte[] identityOf(UUID patient) {
		return jdbc.sql("select identity from patient where id = ?").param(patient).query(byte[].class).single();
	}

	private long masterKeyOf(UUID patient) {
		return jdbc.sql("select master_key_id from patient_data_key where patient_id = ?")
			.param(patient)
			.query(Long.class)
			.single();
	}

	private org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec lookUpOld() {
		return http.post()
			.uri("/api/patients/lookup")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"email\": \"yasmine.legacy@example.org\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private static care.parcours.patient.identity.PatientIdentity yasmineIdentity(String tag) {
		IdentityForm form = PatientFixtures.JSON.treeToValue(yasmine(tag), IdentityForm.class);
		return form.identity();
	}

	/**
	 * A row as IdentityCipher wrote it before envelope encryption: the JSON of the
	 * identity of the time, AES-256-GCM under the service key, a 12-byte nonce in front.
	 */
	private UUID writtenByTheOldCode() throws Exception {
		UUID id = UUID.randomUUID();
		byte[] json = """
				{"givenName":"Yasmine","familyName":"Benali-legacy","birthDate":"1984-03-02","sex":"FEMALE",
				"nationality":"MA","countryOfResidence":"MA","languages":["ar","fr"],"email":"yasmine.legacy@example.org",
				"phone":"+212612345678"}"""
			.getBytes(StandardCharsets.UTF_8);
		byte[] nonce = new byte[12];
		new SecureRandom().nextBytes(nonce);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(SERVICE_KEY), "AES"),
				new GCMParameterSpec(128, nonce));
		byte[] sealed = cipher.doFinal(json);
		jdbc.sql("""
				insert into patient (id, identity, key_id, encryption, version, registered_at)
				values (?, ?, 'tests-2026', 'SERVICE_KEY', 0, ?)
				""")
			.params(id, ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array(),
					Timestamp.from(Instant.now()))
			.update();
		return id;
	}

}
