window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "2106072002589622273"
          ],
          "editableUntil" : "2026-10-02T18:21:09.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Kate Sullivan",
            "screen_name" : "kate_sullivan_ux",
            "indices" : [
              "35",
              "52"
            ],
            "id_str" : "2873301945",
            "id" : "2873301945"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "82"
      ],
      "favorite_count" : "0",
      "id_str" : "2106072002589622273",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "2106072002589622273",
      "created_at" : "Fri Oct 02 17:21:09 +0000 2026",
      "favorited" : false,
      "full_text" : "Great session on research ops with @kate_sullivan_ux today, thanks for the slides!",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "2089986406347702274"
          ],
          "editableUntil" : "2026-08-19T09:02:44.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Tom Baxter",
            "screen_name" : "quietfox_42",
            "indices" : [
              "0",
              "12"
            ],
            "id_str" : "1398877123456789504",
            "id" : "1398877123456789504"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "88"
      ],
      "favorite_count" : "0",
      "id_str" : "2089986406347702274",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "2089986406347702274",
      "created_at" : "Wed Aug 19 08:02:44 +0000 2026",
      "favorited" : false,
      "full_text" : "@quietfox_42 told me about this trail last year; finally walked it. Worth every blister.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "2065048903480246275"
          ],
          "editableUntil" : "2026-06-11T13:30:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Ethan Brooks",
            "screen_name" : "ebrooks_dev",
            "indices" : [
              "0",
              "12"
            ],
            "id_str" : "1587345120987654144",
            "id" : "1587345120987654144"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "57"
      ],
      "favorite_count" : "0",
      "id_str" : "2065048903480246275",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "2065048903480246275",
      "created_at" : "Thu Jun 11 12:30:00 +0000 2026",
      "favorited" : false,
      "full_text" : "@ebrooks_dev Agreed, the migration guide saved us a week.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "2064998571832246349",
      "in_reply_to_user_id" : "1587345120987654144",
      "in_reply_to_status_id" : "2064998571832246349",
      "in_reply_to_screen_name" : "ebrooks_dev",
      "in_reply_to_user_id_str" : "1587345120987654144"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "2037617027052470276"
          ],
          "editableUntil" : "2026-03-27T20:45:31.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Nina Petrova",
            "screen_name" : "ninap_codes",
            "indices" : [
              "27",
              "39"
            ],
            "id_str" : "3057712946",
            "id" : "3057712946"
          },
          {
            "name" : "Sam Okafor",
            "screen_name" : "samokafor",
            "indices" : [
              "44",
              "54"
            ],
            "id_str" : "1250094817",
            "id" : "1250094817"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "96"
      ],
      "favorite_count" : "0",
      "id_str" : "2037617027052470276",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "2037617027052470276",
      "created_at" : "Fri Mar 27 19:45:31 +0000 2026",
      "favorited" : false,
      "full_text" : "Reading group tonight with @ninap_codes and @samokafor: chapter 4 of the stream processing book.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1996886010885046277"
          ],
          "editableUntil" : "2025-12-05T11:15:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Grace Liu",
            "screen_name" : "gracefully_data",
            "indices" : [
              "19",
              "35"
            ],
            "id_str" : "981234567",
            "id" : "981234567"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "74"
      ],
      "favorite_count" : "0",
      "id_str" : "1996886010885046277",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1996886010885046277",
      "created_at" : "Fri Dec 05 10:15:00 +0000 2025",
      "favorited" : false,
      "full_text" : "Lovely write-up by @gracefully_data on sampling bias in survey dashboards.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1967107341677494278"
          ],
          "editableUntil" : "2025-09-14T07:05:12.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "田中 由紀 (Yuki Tanaka)",
            "screen_name" : "yuki_tnk",
            "indices" : [
              "0",
              "9"
            ],
            "id_str" : "4412908733",
            "id" : "4412908733"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "50"
      ],
      "favorite_count" : "0",
      "id_str" : "1967107341677494278",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1967107341677494278",
      "created_at" : "Sun Sep 14 06:05:12 +0000 2025",
      "favorited" : false,
      "full_text" : "@yuki_tnk thank you for the Kyoto recommendations!",
      "lang" : "en"
    }
  }
]