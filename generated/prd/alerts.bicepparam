using './alerts.bicep'

param location = 'westeurope'

param tags = {
  component: 'cmk'
  environment: 'prd'
  purpose: 'confidential-vm-disk-encryption'
}

param actionGroupName = 'ag-cmk-avd-expiry-prd'

param emailReceivers = [
  {
    name: 'avd-platform-team'
    emailAddress: 'avd-platform@northwind-health.eu'
  }
  {
    name: 'security-operations'
    emailAddress: 'soc-keymanagement@northwind-health.eu'
  }
]

param systemTopicName = 'evgt-kv-avd-cmk-prd-weu-001-cmk'

param severity = 'Sev1'

param webhookUri = az.getSecret('6f2c1a9e-4b7d-4e21-9c3a-8d5f0e7b2a14', 'rg-avd-prd-ops', 'kv-avd-ops-prd-weu-001', 'cmk-expiry-webhook-uri')
