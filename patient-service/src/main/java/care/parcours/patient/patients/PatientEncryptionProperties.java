package care.parcours.patient.patients;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key the AES-256 key, base64-encoded
 * @param keyId a name for the key, stored with every row it encrypts
 */
@ConfigurationProperties("parcours.patient.encryption")
record PatientEncryptionProperties(String key, String keyId) {

	static final String DEVELOPMENT_KEY_ID = "development";

}
