window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "noor.haddad@example.com",
      "createdVia" : "oauth:129032",
      "username" : "noorhaddad",
      "accountId" : "1700000000000000001",
      "createdAt" : "2023-10-02T08:00:00.000Z",
      "accountDisplayName" : "Noor Haddad"
    }
  }
]
