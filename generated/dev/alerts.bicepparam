using './alerts.bicep'

param location = 'westeurope'

param tags = {
  component: 'cmk'
  environment: 'dev'
  purpose: 'confidential-vm-disk-encryption'
}

param actionGroupName = 'ag-cmk-avd-expiry-dev'

param emailReceivers = [
  {
    name: 'avd-platform-team'
    emailAddress: 'avd-platform@northwind-health.eu'
  }
]

param systemTopicName = 'evgt-kv-avd-cmk-dev-weu-001-cmk'

param severity = 'Sev3'
