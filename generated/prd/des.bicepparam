using './des.bicep'

param location = 'westeurope'

param tags = {
  component: 'cmk'
  environment: 'prd'
  purpose: 'confidential-vm-disk-encryption'
}

param diskEncryptionSetName = 'des-avd-prd-cmk-weu-001'

param vaultName = 'kv-avd-cmk-prd-weu-001'

param vaultResourceGroup = 'rg-avd-cmk-prd-weu-001'
