using './des.bicep'

param location = 'westeurope'

param tags = {
  component: 'cmk'
  environment: 'dev'
  purpose: 'confidential-vm-disk-encryption'
}

param diskEncryptionSetName = 'des-avd-dev-cmk-weu-001'

param vaultName = 'kv-avd-cmk-dev-weu-001'

param vaultResourceGroup = 'rg-avd-cmk-dev-weu-001'
