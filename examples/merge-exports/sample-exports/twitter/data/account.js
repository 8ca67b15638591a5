window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "alexmorgan.home@example.net",
      "createdVia" : "web",
      "username" : "alexmorgan_dev",
      "accountId" : "887412563",
      "createdAt" : "2012-10-14T19:11:40.000Z",
      "accountDisplayName" : "Alex Morgan"
    }
  }
]