package care.parcours.patient.keys;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The secrets of patient data, neither of them ever in the database.
 *
 * @param masterKeyset a Tink AEAD keyset in Tink's JSON format: its primary key wraps new
 * data keys, every key in it unwraps; blank means the public development keyset
 * @param lookupKey the HMAC-SHA256 key of the blind indexes, base64, at least 32 bytes;
 * separate from the encryption keys, so that one leaking does not give the other; blank
 * means the public development key
 */
@ConfigurationProperties("parcours.patient.keys")
record KeyProperties(@Nullable String masterKeyset, @Nullable String lookupKey) {

}
