window.YTD.account.part0 = [ {
  "account" : {
    "username" : "idrisbello",
    "accountId" : "4200000001",
    "accountDisplayName" : "Idris Bello"
  }
} ]
