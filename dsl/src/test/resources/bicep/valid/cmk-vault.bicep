// Premium Key Vault with an HSM-protected key for Confidential VM disk encryption, a Disk Encryption Set,
// the key role assignment and key-expiry alerting. Sample for the Bicep syntax check.
targetScope = 'resourceGroup'

@description('Name of the Key Vault.')
@minLength(3)
@maxLength(24)
param vaultName string

@description('Name of the disk encryption key.')
param keyName string = 'cvm-des-key'

param location string = resourceGroup().location

@description('Object id of the service principal that rotates the key.')
param orchestratorObjectId string

@secure()
@description('Email address that receives key-expiry alerts.')
param alertEmail string

@description('Base64url-encoded secure key release policy.')
param releasePolicyData string

param tags object = {
  workload: 'avd'
  dataClassification: 'confidential'
}

@description('Subnets that may reach the vault through private endpoints.')
param privateEndpointSubnetIds array = []

var cryptoServiceEncryptionUser = 'e147488a-f6f5-4113-8e2d-b22465e65bf6'
var keyVaultCryptoOfficer = '14b46e9e-c2b7-41b4-b07b-48a6ebf60603'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    sku: {
      family: 'A'
      name: 'premium'
    }
    tenantId: tenant().tenantId
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDiskEncryption: true
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
    }
  }
}

resource key 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: keyName
  properties: {
    kty: 'RSA-HSM'
    keySize: 3072
    keyOps: [
      'wrapKey'
      'unwrapKey'
    ]
    attributes: {
      enabled: true
      exportable: true
    }
    release_policy: {
      contentType: 'application/json; charset=utf-8'
      data: releasePolicyData
    }
    rotationPolicy: {
      attributes: {
        expiryTime: 'P1Y'
      }
      lifetimeActions: [
        {
          trigger: {
            timeBeforeExpiry: 'P30D'
          }
          action: {
            type: 'notify'
          }
        }
      ]
    }
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${vaultName}'
  location: location
  tags: tags
}

resource keyUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(key.id, identity.id, cryptoServiceEncryptionUser)
  scope: key
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cryptoServiceEncryptionUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource keyOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(key.id, orchestratorObjectId, keyVaultCryptoOfficer)
  scope: key
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultCryptoOfficer)
    principalId: orchestratorObjectId
    principalType: 'ServicePrincipal'
  }
}

resource diskEncryptionSet 'Microsoft.Compute/diskEncryptionSets@2025-01-02' = {
  name: 'des-${vaultName}'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    encryptionType: 'ConfidentialVmEncryptedWithCustomerKey'
    activeKey: {
      keyUrl: key.properties.keyUriWithVersion
      sourceVault: {
        id: vault.id
      }
    }
    rotationToLatestKeyVersionEnabled: false
  }
  dependsOn: [
    keyUser
  ]
}

resource privateEndpoints 'Microsoft.Network/privateEndpoints@2023-09-01' = [for (subnetId, i) in privateEndpointSubnetIds: {
  name: 'pe-${vaultName}-${i}'
  location: location
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: 'vault'
        properties: {
          privateLinkServiceId: vault.id
          groupIds: [
            'vault'
          ]
        }
      }
    ]
  }
}]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${vaultName}'
  location: 'global'
  properties: {
    groupShortName: 'cmk-alerts'
    enabled: true
    emailReceivers: [
      {
        name: 'platform-team'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2023-12-15-preview' = {
  name: 'st-${vaultName}'
  location: location
  properties: {
    source: vault.id
    topicType: 'Microsoft.KeyVault.vaults'
  }
}

resource keyExpiry 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2023-12-15-preview' = {
  parent: systemTopic
  name: 'key-expiry'
  properties: {
    eventDeliverySchema: 'CloudEventSchemaV1_0'
    filter: {
      includedEventTypes: [
        'Microsoft.KeyVault.KeyNearExpiry'
        'Microsoft.KeyVault.KeyExpired'
        'Microsoft.KeyVault.KeyNewVersionCreated'
      ]
    }
    destination: {
      endpointType: 'MonitorAlert'
      properties: {
        severity: 'Sev2'
        actionGroups: [
          actionGroup.id
        ]
        description: 'Disk encryption key of ${vaultName} is near expiry, expired or rotated.'
      }
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output keyUriWithVersion string = key.properties.keyUriWithVersion
output diskEncryptionSetId string = diskEncryptionSet.id
output privateEndpointIds array = [for i in range(0, length(privateEndpointSubnetIds)): privateEndpoints[i].id]
