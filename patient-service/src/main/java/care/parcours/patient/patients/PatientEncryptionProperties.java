package care.parcours.patient.patients;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The single service key that encrypted identities before envelope encryption. Needed
 * only to read rows not yet rewritten; once the rewrap job reports none left it can go
 * (docs/adr/0007-patient-encryption-keys.md).
 *
 * @param key the AES-256 key, base64-encoded
 * @param keyId the name stored with every row it encrypted
 */
@ConfigurationProperties("parcours.patient.encryption")
record PatientEncryptionProperties(String key, String keyId) {

	static final String DEVELOPMENT_KEY_ID = "development";

}
