#!/usr/bin/env bash
# Throwaway Secrets for a local cluster: random keys, the database user of ops/postgres/init.sql.
# Never for production: create those from your secret store (see deploy/kubernetes/README.md).
set -euo pipefail
ns=${NAMESPACE:-parcours}
db_user=${POSTGRES_USER:-parcours}
db_password=${POSTGRES_PASSWORD:-parcours}
kubectl get namespace "$ns" >/dev/null 2>&1 || kubectl create namespace "$ns"
apply() { kubectl -n "$ns" create secret generic "$@" --dry-run=client -o yaml | kubectl -n "$ns" apply -f -; }
for app in patient-service scheduling-service billing-service partner-service authorization-server; do
  apply "parcours-$app-database" --from-literal=username="$db_user" --from-literal=password="$db_password"
done
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$workdir/private-key.pem" 2>/dev/null
apply parcours-auth-signing-key --from-file=private-key.pem="$workdir/private-key.pem" \
  --from-literal=key-id="local-$(date +%Y%m%d)"
# A Tink AEAD keyset needs Tink to make: the local overlay keeps patient-service's public
# development keyset (it warns at start) unless MASTER_KEYSET_FILE names one.
if [ -n "${MASTER_KEYSET_FILE:-}" ]; then
  apply parcours-patient-keys --from-file=master-keyset="$MASTER_KEYSET_FILE" \
    --from-literal=lookup-key="$(openssl rand -base64 32)"
else
  apply parcours-patient-keys --from-literal=master-keyset= --from-literal=lookup-key="$(openssl rand -base64 32)"
fi
echo "Secrets in namespace $ns:"; kubectl -n "$ns" get secrets
