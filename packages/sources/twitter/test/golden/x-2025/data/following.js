window.YTD.following.part0 = [
  {
    "following" : {
      "accountId" : "1700000000000000002",
      "userLink" : "https://x.com/intent/user?user_id=1700000000000000002"
    }
  }
]
